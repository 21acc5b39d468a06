/** The active language and catalogue for components. vi is the default; the switch comes with accessibility work. */
import { createContext, useContext } from 'react';
import type { Catalogue, Language } from './catalogue';
import { en } from './en';
import { vi } from './vi';

export const CATALOGUES: Record<Language, Catalogue> = { vi, en };

const I18nContext = createContext<{ lang: Language; t: Catalogue }>({ lang: 'vi', t: vi });

export const I18nProvider = I18nContext.Provider;

export function useT(): Catalogue {
  return useContext(I18nContext).t;
}

export function useLang(): Language {
  return useContext(I18nContext).lang;
}
