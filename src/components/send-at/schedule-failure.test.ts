import { describe, expect, it } from 'vitest';
import type { ErrorMessage } from '#contract';
import { ApiError } from '@/lib/api-client';
import { describeScheduleFailure } from './schedule-failure';

const answered = (status: number, errorMessages: ErrorMessage[]) =>
  new ApiError({ kind: 'spotnana', status, body: { debugIdentifier: 'dbg-1', errorMessages } });

const started = (status?: string) =>
  answered(409, [
    {
      errorCode: 'SCHEDULED_SEND_STARTED',
      message: 'It can no longer be changed or cancelled.',
      errorParameters: [
        { name: 'id', value: 'sch-1' },
        ...(status ? [{ name: 'status', value: status }] : []),
      ],
    },
  ]);

describe('a 409 SCHEDULED_SEND_STARTED, worded by the status the send has now', () => {
  it('has started while pending (or when the answer does not say)', () => {
    for (const error of [started('pending'), started()]) {
      expect(describeScheduleFailure(error, 'cancel').title).toBe(
        'This send has already started: it can no longer be changed or cancelled.',
      );
    }
  });

  it('was already cancelled', () => {
    expect(describeScheduleFailure(started('cancelled'), 'reschedule')).toMatchObject({
      title: 'This send was already cancelled: its time can no longer be changed.',
      advice: 'Nothing was changed. The History lists it as cancelled.',
    });
    expect(describeScheduleFailure(started('cancelled'), 'cancel').title).toBe(
      'This send was already cancelled: nothing will be sent.',
    );
  });

  it('has already run, whatever came of it', () => {
    for (const status of ['accepted', 'refused', 'failed', 'skipped']) {
      expect(describeScheduleFailure(started(status), 'reschedule').title).toBe(
        'This send has already run: it can no longer be changed or cancelled.',
      );
    }
  });
});

describe('an answer that leaves the outcome unknown', () => {
  it('says a retry of the same scheduling is safe', () => {
    for (const error of [
      answered(503, []),
      new ApiError({ kind: 'timeout', timeoutMs: 30_000 }),
      new ApiError({ kind: 'network', message: 'Failed to fetch' }),
      new ApiError({ kind: 'invalid-response', status: 201 }),
    ]) {
      const failure = describeScheduleFailure(error, 'schedule');
      expect(failure.title).toMatch(/^No clear answer came back/);
      expect(failure.advice).toMatch(/Confirming the same time again is safe: it is never scheduled twice\./);
    }
  });
});
