/**
 * The shape every language must have: the Vietnamese catalogue's keys, with strings and formatting functions of
 * the same arguments. A missing or misnamed key in another language is a type error.
 */
import type { vi } from './vi';

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : T extends string ? string : { [K in keyof T]: Widen<T[K]> };

export type Catalogue = Widen<typeof vi>;
export type Language = 'vi' | 'en';
