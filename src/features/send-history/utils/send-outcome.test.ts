import { describe, expect, it } from 'vitest';
import { OUTCOME_OPTIONS } from './outcome-options';
import { lateWords, scheduledScopeWords, sendOutcomeWords, sendScopeWords } from './send-outcome';

describe('the words for a send’s outcome', () => {
  it('tells a send planned for later and a cancelled one from a failure', () => {
    expect(sendOutcomeWords('scheduled', 'send')).toMatchObject({ label: 'Scheduled', tone: 'info' });
    expect(sendOutcomeWords('cancelled', 'send')).toMatchObject({ label: 'Cancelled', tone: 'info' });
    expect(sendOutcomeWords('cancelled', 'send').meaning).toContain('Nothing was sent.');
  });

  it('says "Not sent" for a scheduled send that was not run, "Nobody to remind" for a reminder with nobody left', () => {
    expect(sendOutcomeWords('skipped', 'send', 1).label).toBe('Not sent');
    expect(sendOutcomeWords('skipped', 'remind', 1).label).toBe('Not sent');
    expect(sendOutcomeWords('skipped', 'remind', 0).label).toBe('Nobody to remind');
  });

  it('counts late minutes only when there are any', () => {
    expect(lateWords(12)).toBe(' · sent 12 minutes late');
    expect(lateWords(1)).toBe(' · sent 1 minute late');
    expect(lateWords(0)).toBe('');
    expect(lateWords(null)).toBe('');
  });

  it('says what a scheduled send will send', () => {
    expect(scheduledScopeWords({ action: 'send', scope: 'list', travelerCount: 3 })).toBe(
      'Invites to 3 travelers',
    );
    expect(scheduledScopeWords({ action: 'send', scope: 'all', travelerCount: 12 })).toBe(
      'Invites to all travelers',
    );
    expect(scheduledScopeWords({ action: 'remind', scope: 'all', travelerCount: null })).toMatch(
      /^A reminder/,
    );
  });

  it('offers "Scheduled" and "Not sent" on the Activity page’s outcome filter', () => {
    expect(OUTCOME_OPTIONS.map((o) => [o.value, o.label])).toEqual([
      ['accepted', 'Sent'],
      ['refused', 'Refused'],
      ['unknown', 'Outcome unknown'],
      ['scheduled', 'Scheduled'],
      ['not-sent', 'Not sent'],
    ]);
  });
});

describe('the words for who a send went to', () => {
  it('names a reminder that has not run by whom it is for, not by a count it cannot know yet', () => {
    expect(sendScopeWords('remind', 'list', null)).toBe("Reminder to those who haven't answered");
    expect(sendScopeWords('remind', 'list', 3)).toBe('Reminder to 3 travelers');
    expect(sendScopeWords('remind', 'list', 0)).toBe('Reminder to 0 travelers');
  });
});
