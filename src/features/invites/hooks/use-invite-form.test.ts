import { describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { FormEvent } from 'react';
import { NO_TRAVELER_MESSAGE } from '../utils/invite-form-schema';
import { useInviteForm } from './use-invite-form';

const submitEvent = () => ({ preventDefault: vi.fn() }) as unknown as FormEvent;
const ann = { id: 'u-1', name: 'Ann Archer' };

function setup() {
  return renderHook(() => useInviteForm({ type: 'GENERIC', inviteAll: false, selected: [] }));
}

describe('useInviteForm', () => {
  it('says nothing until submitted, then asks for a traveler and calls onInvalid', () => {
    const { result } = setup();
    expect(result.current.validationMessage).toBeUndefined();
    const onValid = vi.fn();
    const onInvalid = vi.fn();
    const event = submitEvent();
    act(() => result.current.handleSubmit(event, onValid, onInvalid));
    expect(event.preventDefault).toHaveBeenCalled();
    expect(result.current.isSubmitted).toBe(true);
    expect(result.current.validationMessage).toBe(NO_TRAVELER_MESSAGE);
    expect(onInvalid).toHaveBeenCalledOnce();
    expect(onValid).not.toHaveBeenCalled();
  });

  it('re-checks on request once submitted: choosing a traveler or inviting all clears the message', () => {
    const { result } = setup();
    act(() => result.current.handleSubmit(submitEvent(), vi.fn(), vi.fn()));
    act(() => result.current.setValue('selected', [ann], { validate: true }));
    expect(result.current.validationMessage).toBeUndefined();
    act(() => result.current.setValue('selected', [], { validate: true }));
    expect(result.current.validationMessage).toBe(NO_TRAVELER_MESSAGE);
    act(() => {
      result.current.setValue('inviteAll', true);
      result.current.revalidate();
    });
    expect(result.current.validationMessage).toBeUndefined();
  });

  it('hands the values to onValid, and getValues sees a change before React renders it', () => {
    const { result } = setup();
    const onValid = vi.fn();
    act(() => {
      result.current.setValue('type', 'PROGRAM');
      result.current.setValue('selected', [...result.current.getValues().selected, ann]);
      expect(result.current.getValues().selected).toEqual([ann]);
      result.current.handleSubmit(submitEvent(), onValid, vi.fn());
    });
    expect(onValid).toHaveBeenCalledWith({ type: 'PROGRAM', inviteAll: false, selected: [ann] });
    expect(result.current.values.selected).toEqual([ann]);
    // Cleared after a send without checking: no message for an empty selection nobody submitted.
    act(() => result.current.setValue('selected', []));
    expect(result.current.validationMessage).toBeUndefined();
  });
});
