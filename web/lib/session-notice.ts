// Why the person landed on the sign-in page: a session that ended while they were working deserves a word.
let sessionEnded = false;

export function noteSessionEnded() {
  sessionEnded = true;
}

/** True once after a session ended; the sign-in page shows it and forgets it. */
export function takeSessionEnded(): boolean {
  const ended = sessionEnded;
  sessionEnded = false;
  return ended;
}
