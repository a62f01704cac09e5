/** ARM's error body: `{error:{code, message, details:[{code, target, message}]}}`. */
export interface ArmErrorDetail {
  code: string;
  target?: string;
  message: string;
}

/** Thrown by ARM handlers; the router turns it into a response in ARM's shape. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ArmErrorDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string; details?: ArmErrorDetail[] } } {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }
}

/** APIM's 404 for an entity of the service ("Api not found."). */
export function entityNotFound(entity: string): ArmError {
  return new ArmError(404, 'ResourceNotFound', `${entity} not found.`);
}

/** APIM's 400 for a body that fails validation; `details` carry the per-field messages. */
export function validationError(details: ArmErrorDetail[]): ArmError {
  return new ArmError(400, 'ValidationError', 'One or more fields contain incorrect values:', details);
}

/** One validation detail about a property of the request body. */
export function invalidField(target: string, message: string): ArmError {
  return validationError([{ code: 'ValidationError', target, message }]);
}

export function preconditionFailed(): ArmError {
  return new ArmError(
    412,
    'PreconditionFailed',
    'Resource was modified since last retrieval. Refresh entity and try again.',
  );
}
