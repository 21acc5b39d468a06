/** /counter/:id — the counter console page: the machine, its real IO, and the keyboard shortcuts. */
import { useMachine } from '@xstate/react';
import { useEffect } from 'react';
import { storedToken } from '../../agent-client/staff-token';
import { liveCounterConsoleMachine } from './counter-console.actors';
import { CounterConsoleView } from './counter-console-view';
import { shortcutEvent } from './counter-shortcuts';
import '../../ui/staff-pages.css';

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) && !(target instanceof HTMLInputElement && target.type === 'radio');
}

export default function CounterConsolePage({ counterId }: { counterId: string }) {
  const [state, send] = useMachine(liveCounterConsoleMachine, { input: { counterId, token: storedToken() } });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const event = shortcutEvent({ key: e.key, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, repeat: e.repeat, inTextField: isTextField(e.target) });
      if (!event) return;
      e.preventDefault();
      send(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [send]);
  return <CounterConsoleView state={state} send={send} />;
}
