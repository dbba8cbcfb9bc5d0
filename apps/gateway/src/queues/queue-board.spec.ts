import { describe, expect, it } from '@jest/globals';
import { cookieValue, mayOpenQueueBoard, sessionCookie } from './queue-board.js';

describe('queue board access', () => {
  it('is for admins acting for tenant system only', () => {
    expect(mayOpenQueueBoard({ roles: ['admin'], tenants: ['acme', 'system'] })).toBe(true);
    expect(mayOpenQueueBoard({ roles: ['admin', 'reviewer'], tenants: ['acme'] })).toBe(false);
    expect(mayOpenQueueBoard({ roles: ['reviewer', 'operator'], tenants: ['system'] })).toBe(false);
  });

  it('reads its cookie among others, and only by its exact name', () => {
    expect(cookieValue('a=1; torque_queue_board=abc ; b=2', 'torque_queue_board')).toBe('abc');
    expect(cookieValue('xtorque_queue_board=abc', 'torque_queue_board')).toBeUndefined();
    expect(cookieValue(undefined, 'torque_queue_board')).toBeUndefined();
  });

  it('sets an HttpOnly cookie for the board path, Secure over HTTPS', () => {
    const session = { id: 'x'.repeat(43), maxAgeSeconds: 600 };
    expect(sessionCookie(session, false)).toBe(
      `torque_queue_board=${session.id}; Path=/admin/queues; Max-Age=600; HttpOnly; SameSite=Lax`,
    );
    expect(sessionCookie(session, true)).toMatch(/; Secure$/);
  });
});
