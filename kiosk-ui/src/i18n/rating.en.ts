/** English strings of the counter rating tablet (/rate/:counterId). Spread into the main catalogue (en.ts). */
export const enRating = {
  rate: {
    heading: 'How satisfied are you?',
    loading: 'Loading…',
    officer: (name: string) => `Officer: ${name}`,
    noOfficer: 'No officer signed in at this counter',
    serving: (number: string, service: string) => `Now serving ${number} · ${service}`,
    idle: 'Please wait for your turn. When your visit is finished you can rate it here.',
    question: (number: string) => `Are you satisfied with how your visit (ticket ${number}) was handled?`,
    levels: 'Satisfaction',
    reasonsHeading: 'What were you not satisfied with? (choose any, optional)',
    send: 'Send rating',
    skip: 'Skip',
    thanks: 'Thank you for your rating!',
    thanksNote: 'Your opinion helps the centre serve better.',
    refused: 'This visit has already been rated, or the time to rate it is over. Thank you.',
    unsent: 'The rating was not sent. Please press "Send again".',
    resend: 'Send again',
    reconnecting: 'Reconnecting…',
    problems: {
      COUNTER_TABLET_ONLY: 'This device is not set up as the counter’s rating tablet. Please tell the technician (open the page with the counter’s token).',
      COUNTER_NOT_FOUND: 'There is no such counter. Please ask the technician to check the page address.',
      NETWORK_ERROR: 'Cannot reach the system. Retrying by itself.',
      other: 'The rating page could not load. Retrying by itself.',
    },
  },
};
