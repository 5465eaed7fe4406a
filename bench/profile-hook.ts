import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * Preloaded (`node -r`) into the server `npm run bench:profile` measures. On messages of the IPC channel it reports
 * its CPU time so far, or profiles itself through the inspector between `start` and `stop`: start-up and warm-up
 * stay out of the measures.
 */
const session = new Session();
session.connect();
const post = (method: string, params: object = {}) =>
  new Promise<Record<string, unknown>>((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as Record<string, unknown>))),
  );

type Message = { type: 'cpu' } | { type: 'start'; intervalMicros: number } | { type: 'stop'; file: string };

process.on('message', (message: Message) => {
  void (async () => {
    if (message.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send!({ type: 'cpu', micros: user + system });
    } else if (message.type === 'start') {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: message.intervalMicros });
      await post('Profiler.start');
      process.send!({ type: 'started' });
    } else {
      const { profile } = await post('Profiler.stop');
      writeFileSync(message.file, JSON.stringify(profile));
      process.send!({ type: 'stopped' });
    }
  })();
});
