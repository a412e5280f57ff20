import { describe, expect, it } from 'vitest';
import { senderOf } from './roles';

describe('who sent a request', () => {
  it('takes a navigation as the resource owner on the front channel', () => {
    expect(senderOf(new Headers({ 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }))).toEqual({
      from: 'resource-owner',
      channel: 'front',
    });
  });

  it('takes any other request as the client on the back channel', () => {
    expect(senderOf(new Headers())).toEqual({ from: 'client', channel: 'back' });
    expect(senderOf(new Headers({ 'sec-fetch-mode': 'cors' }))).toEqual({ from: 'client', channel: 'back' });
  });

  it('believes a declared role only when it is one of the four', () => {
    expect(senderOf(new Headers({ 'x-playground-from': 'resource-server' }))).toEqual({
      from: 'resource-server',
      channel: 'back',
    });
    expect(senderOf(new Headers({ 'x-playground-from': 'mallory' }))).toEqual({
      from: 'client',
      channel: 'back',
    });
  });
});
