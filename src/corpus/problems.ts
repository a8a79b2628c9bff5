/** Something wrong with the content, located for the editor who must fix it. */
export interface Problem {
  /** Path relative to the project root. */
  file: string;
  line: number;
  column?: number;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.column ? `${problem.file}:${problem.line}:${problem.column}` : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.message}`;
}

/** Every problem, after a line that counts them and says what follows from them: `nothing was built`. */
export function formatProblems(problems: Problem[], consequence = 'nothing was built'): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return `The corpus has ${count}; ${consequence}.\n\n${problems.map(formatProblem).join('\n\n')}`;
}
