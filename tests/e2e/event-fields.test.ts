import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a JavaScript script without declarations; it reads the built kind function (dist).
import { computeEventFieldKinds, eventFieldsModule } from '../../scripts/event-field-kinds.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the table of event fields (src/contract/event-fields.ts)', () => {
  it('is what scripts/event-field-kinds.js computes from the @types/aws-lambda installed here', () => {
    const checkedIn = readFileSync(path.join(root, 'src', 'contract', 'event-fields.ts'), 'utf8');
    expect(checkedIn).toBe(eventFieldsModule(computeEventFieldKinds()));
  });

  it('gives each handler type the event its first parameter takes', () => {
    const { eventOf, events } = computeEventFieldKinds() as {
      eventOf: Record<string, string>;
      events: Record<string, Record<string, string>>;
    };
    expect([eventOf['ALBHandler'], eventOf['APIGatewayProxyHandler'], eventOf['APIGatewayProxyHandlerV2']]).toEqual([
      'ALBEvent',
      'APIGatewayProxyEvent',
      'APIGatewayProxyEventV2',
    ]);
    // `body: string | null` on REST is neither kind; payload 2.0's optional `body?: string` is a string.
    expect([events['APIGatewayProxyEvent']?.['body'], events['APIGatewayProxyEventV2']?.['body'], events['ALBEvent']?.['path']]).toEqual([
      'unknown',
      'string',
      'string',
    ]);
  });
});
