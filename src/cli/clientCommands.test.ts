import { describe, expect, it } from 'vitest';
import { parsePromptCommand } from './clientCommands';

describe('parsePromptCommand', () => {
  it.each([
    ['list', { kind: 'list' }],
    [' L ', { kind: 'list' }],
    ['play 2', { kind: 'play', songId: 2, startSeconds: 0 }],
    ['p 0 42.5', { kind: 'play', songId: 0, startSeconds: 42.5 }],
    ['stop', { kind: 'stop' }],
    ['s', { kind: 'stop' }],
    ['quit', { kind: 'quit' }],
    ['q', { kind: 'quit' }],
    ['exit', { kind: 'quit' }],
    ['?', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
  ])('reads %j', (line, command) => {
    expect(parsePromptCommand(line)).toEqual(command);
  });

  it.each([
    ['dance', "Unknown command 'dance'. Type help for the commands."],
    ['play', 'Use play N'],
    ['play x', 'Use play N'],
    ['play 1 2 3', 'Use play N'],
    ['play -1', 'Use play N'],
    ['play 1 soon', 'in seconds'],
  ])('explains what is wrong with %j', (line, message) => {
    const command = parsePromptCommand(line);
    expect(command.kind).toBe('invalid');
    expect(command.kind === 'invalid' && command.message).toContain(message);
  });
});
