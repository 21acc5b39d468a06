/** /display — the lobby TV: the machine with its real IO, and a touch to unlock sound where the browser asks for one. */
import { useMachine } from '@xstate/react';
import { useEffect, useState } from 'react';
import { announcer, liveLobbyDisplayMachine } from './lobby-display.actors';
import { LobbyDisplayView } from './lobby-display-view';
import './lobby-display.css';

export default function LobbyDisplayPage() {
  const [state] = useMachine(liveLobbyDisplayMachine, { input: {} });
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    // Check after the first frame: a context created by the page starts suspended only without autoplay permission.
    const timer = setTimeout(() => setLocked(announcer.needsGesture()), 500);
    return () => clearTimeout(timer);
  }, []);
  const unlock = () => {
    void announcer.unlock().then(() => setLocked(announcer.needsGesture()));
  };
  return <LobbyDisplayView state={state} soundLocked={locked} voiceMode={announcer.mode()} onUnlock={unlock} />;
}
