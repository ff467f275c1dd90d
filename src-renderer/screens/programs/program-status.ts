/** Colours for program statuses as the sandbox and typical instances name them; others are blue. */
const COLORS: Record<string, string> = {
  Draft: 'gray',
  Open: 'teal',
  'Under Review': 'yellow',
  Awarded: 'blue',
  Closed: 'gray',
};

export const programStatusColor = (status: string): string => COLORS[status] ?? 'blue';
