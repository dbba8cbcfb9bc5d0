import type { JobViewDto } from '@torque/contracts';

export interface SseMessage {
  event: string;
  id?: string;
  data: string;
}

/** An open event stream: reads the body as it arrives and parses `event:` / `id:` / `data:` blocks. */
export class SseClient {
  readonly messages: SseMessage[] = [];
  private readonly abort = new AbortController();
  private done: Promise<void> = Promise.resolve();
  status = 0;
  contentType = '';

  async open(url: string, headers: Record<string, string> = {}): Promise<this> {
    const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: this.abort.signal });
    this.status = res.status;
    this.contentType = res.headers.get('content-type') ?? '';
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      return this;
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    this.done = (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            this.parse(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // aborted by close()
      }
    })();
    return this;
  }

  private parse(block: string): void {
    const msg: SseMessage = { event: 'message', data: '' };
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') msg.event = value;
      else if (field === 'id') msg.id = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0 && msg.event === 'message') return;
    msg.data = data.join('\n');
    this.messages.push(msg);
  }

  /** job.* events, parsed, optionally of one job. */
  jobEvents(jobId?: string): { event: string; id?: string; job: JobViewDto }[] {
    return this.messages
      .filter((m) => m.event.startsWith('job.'))
      .map((m) => ({ event: m.event, id: m.id, job: JSON.parse(m.data) as JobViewDto }))
      .filter((e) => jobId === undefined || e.job.id === jobId);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}
