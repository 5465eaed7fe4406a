import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * Preloaded (`node -r`) into the server `npm run bench:profile` measures: its own process profiles itself through the
 * inspector between a `start` and a `stop` message on the IPC channel, so start-up and warm-up stay out of the profile.
 */
const session = new Session();
session.connect();
const post = (method: string, params?: object) =>
  new Promise<Record<string, unknown>>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as Record<string, unknown>))));

let cpuAtStart: NodeJS.CpuUsage | undefined;

process.on('message', (message: { type: 'start'; intervalMicros: number } | { type: 'stop'; file: string }) => {
  void (async () => {
    if (message.type === 'start') {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: message.intervalMicros });
      await post('Profiler.start');
      cpuAtStart = process.cpuUsage();
      process.send!({ type: 'started' });
    } else {
      const cpu = process.cpuUsage(cpuAtStart);
      const { profile } = await post('Profiler.stop');
      writeFileSync(message.file, JSON.stringify(profile));
      process.send!({ type: 'stopped', cpuMicros: cpu.user + cpu.system });
    }
  })();
});
