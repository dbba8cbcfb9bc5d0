import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../api/client.js';

/** What an openapi-fetch GET answers: the data, or the error with its response. */
interface Answer<T> {
  data?: { data: T[] };
  error?: unknown;
  response: Response;
}

/**
 * A screen's list: read once, then again on `reload()` (at once) or `reloadSoon()` (once, 150 ms after the last of
 * a burst of job events). `error` is the reason of the last read that failed, cleared by the next that succeeds.
 */
export function useList<T>(read: () => Promise<Answer<T>>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback(async () => {
    const { data, error: failure, response } = await read();
    if (!data) return setError(errorText(failure, response));
    setError(null);
    setItems(data.data);
  }, [read]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const reloadSoon = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void reload(), 150);
  }, [reload]);

  return { items, setItems, error, reload, reloadSoon };
}
