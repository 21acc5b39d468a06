/** The frame of every kiosk screen: header with the centre's name and the clock, a heading, the content. */
import type { ReactNode } from 'react';
import { AccessibilityBar } from './accessibility-bar';
import { Clock } from './clock';
import { useSpokenGuidance } from './use-spoken-guidance';

export function Screen(props: { centerName: string; utcOffsetMinutes: number; heading?: string | undefined; guide?: string | undefined; children: ReactNode; footer?: ReactNode }) {
  useSpokenGuidance(props.guide);
  return (
    <div className="screen">
      <header className="screen__header">
        <span className="screen__center">{props.centerName}</span>
        <AccessibilityBar guide={props.guide} />
        <Clock utcOffsetMinutes={props.utcOffsetMinutes} />
      </header>
      {/* Focusable: it scrolls when large text makes a screen taller, and keyboard users must be able to scroll it. */}
      <main className="screen__main" tabIndex={0}>
        {props.heading ? <h1 className="screen__heading">{props.heading}</h1> : null}
        {props.children}
      </main>
      {props.footer ? <footer className="screen__footer">{props.footer}</footer> : null}
    </div>
  );
}
