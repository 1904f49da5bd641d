import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { formatQuantity } from '@/components/format';

export interface InviteAllSwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  travelerCount: number;
  selectedCount: number;
  disabled?: boolean;
}

const DESCRIPTION_ID = 'invite-all-description';

/** "Invite all travelers": the request then leaves `userIds` out; the picker's selection is kept for later. */
export function InviteAllSwitch({
  checked,
  onChange,
  travelerCount,
  selectedCount,
  disabled,
}: InviteAllSwitchProps) {
  return (
    <Box>
      <FormControlLabel
        label="Invite all travelers"
        disabled={disabled}
        control={
          <Switch
            checked={checked}
            onChange={(_event, on) => onChange(on)}
            slotProps={{ input: { 'aria-describedby': DESCRIPTION_ID } }}
          />
        }
      />
      <Typography id={DESCRIPTION_ID} variant="body2" sx={{ color: 'text.secondary', ml: 6.5, mt: -0.5 }}>
        {checked
          ? `${travelerCount === 1 ? 'The only traveler of this event gets' : `All ${formatQuantity(travelerCount, 'traveler')} of this event get`} an invite.${
              selectedCount > 0
                ? ` Your selection of ${formatQuantity(selectedCount, 'traveler')} is kept for when you switch this off.`
                : ''
            }`
          : 'Or choose travelers below.'}
      </Typography>
    </Box>
  );
}
