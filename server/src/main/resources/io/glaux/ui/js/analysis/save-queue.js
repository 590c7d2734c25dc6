// Saves one at a time: a change made while a save runs is saved right after it, once, with the latest state.

/**
 * @param save async () => void, reading the latest state itself
 * @param onStatus (status: 'saving'|'saved'|'error', error?) => void
 */
export function saveQueue(save, onStatus) {
  let running = null;
  let again = false;
  async function run() {
    onStatus('saving');
    try {
      await save();
      if (!again) onStatus('saved');
    } catch (error) {
      if (!again) onStatus('error', error);
    }
  }
  return function request() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await run();
      } while (again);
      running = null;
    })();
    return running;
  };
}
