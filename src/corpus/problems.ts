/** Something wrong with the content, located for the editor who must fix it. */
export interface Problem {
  /** Path relative to the project root. */
  file: string;
  line: number;
  column?: number;
  message: string;
}

export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

export function formatProblem(problem: Problem): string {
  const where = problem.column ? `${problem.file}:${problem.line}:${problem.column}` : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.message}`;
}

export function formatProblems(problems: Problem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return `The corpus has ${count}; nothing was built.\n\n${problems.map(formatProblem).join('\n\n')}`;
}
