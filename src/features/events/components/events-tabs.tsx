import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { LIST_EVENT_TYPE_LABELS } from '@/components/labels';
import { EVENT_TABS, type EventTab } from '../utils/events-view';

export const EVENTS_TABPANEL_ID = 'events-tabpanel';
export const eventsTabId = (tab: EventTab) => `events-tab-${tab}`;

export interface EventsTabsProps {
  value: EventTab;
  onChange: (tab: EventTab) => void;
}

/** Upcoming / Past / Cancelled. Arrow keys move between tabs (MUI's tablist keyboard pattern). */
export function EventsTabs({ value, onChange }: EventsTabsProps) {
  return (
    <Tabs
      value={value}
      onChange={(_event, next: EventTab) => onChange(next)}
      aria-label="Which events to show"
      sx={{ borderBottom: 1, borderColor: 'divider' }}
    >
      {EVENT_TABS.map((tab) => (
        <Tab
          key={tab.value}
          value={tab.value}
          label={LIST_EVENT_TYPE_LABELS[tab.listEventType]}
          id={eventsTabId(tab.value)}
          aria-controls={EVENTS_TABPANEL_ID}
        />
      ))}
    </Tabs>
  );
}
