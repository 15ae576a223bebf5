import { describe, expect, it } from 'vitest';
import { connectionAdvice, connectionDetail } from './connectionAdvice';

describe('connectionAdvice', () => {
  it('says what to check for each way a first connection fails', () => {
    expect(connectionAdvice('Cannot connect to nas.local:8080: host not found')).toMatch(
      /Check the server host/,
    );
    expect(connectionAdvice('Cannot connect to 127.0.0.1:1: connection refused')).toMatch(
      /Check the port, and that the library is being hosted/,
    );
    expect(connectionAdvice('Cannot connect to 10.0.0.9:8080: timed out after 5000 ms')).toMatch(
      /Check the address/,
    );
    expect(
      connectionAdvice(
        'This is not a Tidewave server: it closed the connection instead of answering (x)',
      ),
    ).toMatch(/another program answers on it/);
    expect(connectionAdvice('The server did not answer the list request in time')).toMatch(/busy/);
  });

  it('has nothing better than Retry for a server that went away', () => {
    expect(connectionAdvice('The server closed the connection')).toBeNull();
    expect(connectionAdvice(null)).toBeNull();
  });
});

describe('connectionDetail', () => {
  it('drops the address the title already names', () => {
    expect(
      connectionDetail('Cannot connect to 127.0.0.1:1: connection refused', '127.0.0.1', 1),
    ).toBe('Connection refused');
    expect(connectionDetail('The server closed the connection', '127.0.0.1', 1)).toBe(
      'The server closed the connection',
    );
  });
});
