/**
 * The seeded events: every EventType and EventStatus, a program with sessions and a trip, past, running,
 * draft and cancelled events, one of another company, one whose answers carry no companyId, one with 25
 * travelers and one with 10,000.
 * Days are relative to the moment of seeding, so upcoming events stay upcoming whenever the sandbox is reset.
 */
import type { EventLocation, EventStatus, EventType } from '#contract';
import type { SeedEventKey } from './seed-ids.ts';

export interface Place {
  timezone: string;
  location: EventLocation;
}

const place = (
  timezone: string,
  addressLines: string[],
  locality: string,
  regionCode: string,
  postalCode: string,
  latitude: number,
  longitude: number,
  administrativeArea?: string,
): Place => ({
  timezone,
  location: {
    address: {
      addressLines,
      locality,
      regionCode,
      postalCode,
      timezone,
      ...(administrativeArea ? { administrativeArea } : {}),
    },
    coordinates: { latitude, longitude },
  },
});

const PLACES = {
  lisbon: place(
    'Europe/Lisbon',
    ['Rossio dos Olivais', 'Parque das Nações'],
    'Lisbon',
    'PT',
    '1990-231',
    38.7678,
    -9.0935,
  ),
  austin: place(
    'America/Chicago',
    ['500 E Cesar Chavez St'],
    'Austin',
    'US',
    '78701',
    30.2635,
    -97.7396,
    'TX',
  ),
  toronto: place('America/Toronto', ['255 Front St W'], 'Toronto', 'CA', 'M5V 2W6', 43.6439, -79.3883, 'ON'),
  london: place(
    'Europe/London',
    ['1 Westferry Circus', 'Canary Wharf'],
    'London',
    'GB',
    'E14 4HD',
    51.5055,
    -0.0275,
  ),
  singapore: place('Asia/Singapore', ['10 Bayfront Avenue'], 'Singapore', 'SG', '018956', 1.2834, 103.8607),
  berlin: place('Europe/Berlin', ['Alexanderstraße 11'], 'Berlin', 'DE', '10178', 52.5219, 13.4132),
  tokyo: place(
    'Asia/Tokyo',
    ['3-5-1 Marunouchi', 'Chiyoda-ku'],
    'Tokyo',
    'JP',
    '100-0005',
    35.6764,
    139.7633,
  ),
  saoPaulo: place(
    'America/Sao_Paulo',
    ['Av. Paulista, 1578'],
    'São Paulo',
    'BR',
    '01310-200',
    -23.5614,
    -46.6559,
    'SP',
  ),
  chicago: place('America/Chicago', ['2301 S King Dr'], 'Chicago', 'US', '60616', 41.8515, -87.6167, 'IL'),
  cancun: place(
    'America/Cancun',
    ['Blvd. Kukulcan Km 9.5', 'Zona Hotelera'],
    'Cancún',
    'MX',
    '77500',
    21.1333,
    -86.7466,
    'Q.R.',
  ),
  dubai: place(
    'Asia/Dubai',
    ['Sheikh Zayed Road', 'Trade Centre 2'],
    'Dubai',
    'AE',
    '9292',
    25.2225,
    55.2849,
  ),
} satisfies Record<string, Place>;

export interface EventSeed {
  key: SeedEventKey;
  company: 'acme' | 'globex';
  parent?: SeedEventKey;
  name: string;
  description: string;
  type: EventType;
  status: EventStatus;
  /** Days from the day of seeding to the first day (negative: in the past). */
  startInDays: number;
  /** Calendar days the event spans (1 = a single day). */
  days: number;
  startHour: number;
  endHour: number;
  place: Place;
  /** The event's answers leave `companyId` out (it still belongs to `company` for access checks). */
  omitCompanyId?: true;
}

export const EVENT_SEEDS: readonly EventSeed[] = [
  {
    key: 'largeSummit',
    company: 'acme',
    name: 'Global Partner Summit 2027',
    description:
      'Three days of keynotes, partner workshops and the partner awards dinner for the whole partner network.',
    type: 'GENERIC',
    status: 'PUBLISH',
    startInDays: 45,
    days: 3,
    startHour: 9,
    endHour: 18,
    place: PLACES.lisbon,
  },
  {
    key: 'kickoff',
    company: 'acme',
    name: 'Sales Kickoff 2027',
    description: 'Annual kickoff for the sales teams: targets, product roadmap and regional breakouts.',
    type: 'GENERIC',
    status: 'PUBLISH',
    startInDays: 21,
    days: 2,
    startHour: 8,
    endHour: 17,
    place: PLACES.austin,
  },
  {
    key: 'program',
    company: 'acme',
    name: 'Leadership Development Program 2027',
    description: 'A three-session program for newly promoted people managers.',
    type: 'PROGRAM',
    status: 'PUBLISH',
    startInDays: 30,
    days: 62,
    startHour: 9,
    endHour: 17,
    place: PLACES.toronto,
  },
  {
    key: 'programSession1',
    company: 'acme',
    parent: 'program',
    name: 'Leadership Program · Session 1: Strategy',
    description: 'Setting direction, making trade-offs and communicating strategy to a team.',
    type: 'PROGRAM_SESSION',
    status: 'PUBLISH',
    startInDays: 30,
    days: 2,
    startHour: 9,
    endHour: 17,
    place: PLACES.toronto,
  },
  {
    key: 'programSession2',
    company: 'acme',
    parent: 'program',
    name: 'Leadership Program · Session 2: Leading Teams',
    description: 'Coaching, feedback and hiring, with role plays.',
    type: 'PROGRAM_SESSION',
    status: 'PUBLISH',
    startInDays: 60,
    days: 2,
    startHour: 9,
    endHour: 17,
    place: PLACES.london,
  },
  {
    key: 'programSession3',
    company: 'acme',
    parent: 'program',
    name: 'Leadership Program · Session 3: Capstone',
    description: 'Capstone presentations to the executive team and graduation.',
    type: 'PROGRAM_SESSION',
    status: 'PUBLISH',
    startInDays: 90,
    days: 2,
    startHour: 9,
    endHour: 16,
    place: PLACES.singapore,
  },
  {
    key: 'programTrip',
    company: 'acme',
    parent: 'programSession1',
    name: 'Customer Advisory Board Visit, Singapore',
    description: 'Site visits with three customers of the advisory board, as part of session 1.',
    type: 'PROGRAM_TRIP',
    status: 'PUBLISH',
    startInDays: 35,
    days: 4,
    startHour: 10,
    endHour: 18,
    place: PLACES.singapore,
  },
  {
    key: 'draft',
    company: 'acme',
    name: 'Engineering Offsite 2027',
    description: 'Planning week for the platform engineering group. Agenda still being drafted.',
    type: 'GENERIC',
    status: 'DRAFT',
    startInDays: 75,
    days: 3,
    startHour: 9,
    endHour: 18,
    place: PLACES.berlin,
  },
  {
    key: 'cancelled',
    company: 'acme',
    name: 'APAC Customer Roadshow',
    description: 'Customer meetings in Tokyo. Cancelled: the meetings moved online.',
    type: 'GENERIC',
    status: 'CANCELLED',
    startInDays: 14,
    days: 2,
    startHour: 9,
    endHour: 18,
    place: PLACES.tokyo,
  },
  {
    key: 'inProgress',
    company: 'acme',
    name: 'Hackathon Week',
    description: 'Cross-team hackathon with demos on the last day.',
    type: 'GENERIC',
    status: 'PUBLISH',
    startInDays: -2,
    days: 6,
    startHour: 9,
    endHour: 19,
    place: PLACES.saoPaulo,
  },
  {
    key: 'pastSummit',
    company: 'acme',
    name: 'Customer Summit 2026',
    description: 'Customer conference with product announcements and training tracks.',
    type: 'GENERIC',
    status: 'PUBLISH',
    startInDays: -70,
    days: 2,
    startHour: 9,
    endHour: 18,
    place: PLACES.chicago,
  },
  {
    key: 'pastTrip',
    company: 'acme',
    name: "President's Club Incentive Trip",
    description: 'Incentive trip for the top performers of the year.',
    type: 'PROGRAM_TRIP',
    status: 'PUBLISH',
    startInDays: -120,
    days: 5,
    startHour: 12,
    endHour: 12,
    place: PLACES.cancun,
  },
  {
    key: 'otherCompany',
    company: 'globex',
    name: 'Globex Board Retreat',
    description: 'Board strategy retreat of Globex Industries.',
    type: 'GENERIC',
    status: 'PUBLISH',
    startInDays: 28,
    days: 2,
    startHour: 9,
    endHour: 17,
    place: PLACES.dubai,
  },
  {
    key: 'noCompanyId',
    company: 'acme',
    name: 'Partner Enablement Day',
    description: 'Hands-on product training for partner engineers. Its answers carry no companyId.',
    type: 'GENERIC',
    status: 'PUBLISH',
    startInDays: 100,
    days: 1,
    startHour: 9,
    endHour: 17,
    place: PLACES.berlin,
    omitCompanyId: true,
  },
];
