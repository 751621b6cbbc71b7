/**
 * Runs `fn` right after the next frame, with the time that frame started. A hidden tab renders no frames
 * (requestAnimationFrame waits until it is shown), so a timer runs it anyway.
 */
export function afterNextFrame(fn: (frameAt: number) => void): void {
  let done = false;
  const once = (frameAt: number) => {
    if (done) return;
    done = true;
    fn(frameAt);
  };
  if (typeof requestAnimationFrame === 'function') {
    // The frame's own time (when it began), which Chrome's deadline counts from, not when the callback ran.
    requestAnimationFrame((frameAt) => setTimeout(() => once(frameAt), 0));
  }
  setTimeout(() => once(performance.now()), 100);
}
