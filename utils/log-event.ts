/**
 * Tells the background something happened on a call, for the local consent log. Fire and forget: the
 * caller's UI never waits on it, and a refusal or a failure is only a console.debug line.
 */
import { type LogEvent, LogEventResponse } from '@/lib/protocol/messages';
import { send } from './messaging';

export function logEvent(event: Omit<LogEvent, 'type'>): void {
  try {
    send({ type: 'log-event', ...event }, (answer) => LogEventResponse.parse(answer))
      .then((answer) => {
        if (!answer.ok) console.debug('[Consent Guard] the log refused an event:', answer.error);
      })
      .catch((error) => console.debug('[Consent Guard] could not log an event', error));
  } catch (error) {
    console.debug('[Consent Guard] could not log an event', error);
  }
}
