import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export interface CheckedResponse {
  method: string;
  /** The route's path template, e.g. `/v1/referrals/{referralId}`. */
  path: string;
  status: number;
  headers: Record<string, string | number | boolean | undefined>;
  body: string | undefined;
}

type OpenApiResponse = { content?: Record<string, unknown> };
type OpenApiDocument = {
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
};

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

/**
 * Checks answers against the OpenAPI document, as an independent client generated from it would:
 * the status must be documented for the operation, the media type must be one it declares, and a
 * JSON body must validate against the declared schema. Returns what does not match (empty: all
 * does). Used by the local gateway in tests, so every journey doubles as a contract test.
 */
export function createResponseChecker(document: unknown) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema(document as object, 'openapi');
  const paths = (document as OpenApiDocument).paths;

  return (response: CheckedResponse): string[] => {
    const method = response.method.toLowerCase();
    const operation = paths[response.path]?.[method];
    const name = `${response.method} ${response.path} ${response.status}`;
    if (!operation) return [`${name}: operation not in the document`];
    const declared = operation.responses[String(response.status)];
    if (!declared) return [`${name}: status not documented`];
    const contentType = String(response.headers['content-type'] ?? response.headers['Content-Type'] ?? '')
      .split(';')[0]
      ?.trim();
    const media = declared.content ?? {};
    if (!response.body) return [];
    if (!contentType || !(contentType in media))
      return [
        `${name}: ${contentType || 'no'} content type, documented: ${Object.keys(media).join(', ') || 'none'}`,
      ];
    if (!isJson(contentType)) return [];
    const validate = ajv.getSchema(
      `openapi#/${pointer('paths', response.path, method, 'responses', String(response.status), 'content', contentType, 'schema')}`,
    );
    if (!validate) return [`${name}: no schema for ${contentType}`];
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return [`${name}: body is not JSON`];
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) => `${name}: ${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`,
    );
  };
}

export type ResponseChecker = ReturnType<typeof createResponseChecker>;
