/**
 * /display and /display/<id> — the lobby TV: the machine with its real IO, the screen's size (the layout follows
 * it), and a touch to unlock sound where the browser asks for one.
 */
import { useMachine } from '@xstate/react';
import { useEffect, useState } from 'react';
import { announcer, liveLobbyDisplayMachine } from './lobby-display.actors';
import { LobbyDisplayView } from './lobby-display-view';
import './lobby-display.css';

const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });

export default function LobbyDisplayPage({ displayId }: { displayId?: string }) {
  const [state, send] = useMachine(liveLobbyDisplayMachine, { input: { viewport: viewport(), ...(displayId ? { displayId } : {}) } });
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    // Check after the first frame: a context created by the page starts suspended only without autoplay permission.
    const timer = setTimeout(() => setLocked(announcer.needsGesture()), 500);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    const resized = () => send({ type: 'display.resized', ...viewport() });
    window.addEventListener('resize', resized);
    return () => window.removeEventListener('resize', resized);
  }, [send]);
  const unlock = () => {
    void announcer.unlock().then(() => setLocked(announcer.needsGesture()));
  };
  return <LobbyDisplayView state={state} soundLocked={locked} voiceMode={announcer.mode()} onUnlock={unlock} />;
}
