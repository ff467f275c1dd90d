/** Words that end a job title ("Senior Program Officer"), for prose and signatures. */
export const TITLE_HEADS = [
  'Officer',
  'Manager',
  'Coordinator',
  'Co-ordinator',
  'Director',
  'Analyst',
  'Assistant',
  'Advisor',
  'Adviser',
  'Reviewer',
  'Specialist',
  'Administrator',
  'Lead',
  'Associate',
  'Consultant',
  'Clerk',
  'Engineer',
  'Developer',
  'Accountant',
  'Secretary',
  'Editor',
  'Evaluator',
  'Intern',
  'Head',
  'Chair',
  'President',
  'Scientist',
  'Researcher',
  'Fellow',
  'Liaison',
  'Representative',
  'Technician',
  'Auditor',
  'Controller',
  'Planner',
  'Strategist',
  'Supervisor',
  'Librarian',
  'Counsel',
];

const HEAD = new RegExp(String.raw`\b(?:${TITLE_HEADS.join('|')})s?\b`);

/** A line that reads as a job title: short, and it names a role word. */
export function looksLikeTitle(text: string): boolean {
  return text.length <= 80 && HEAD.test(text) && !/@|\d{3}/.test(text);
}
