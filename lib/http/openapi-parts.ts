/** Building blocks every part of the OpenAPI document uses. */
export const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

/** A route that needs an API key with `scope`. */
export const keyed = (scope: string) => ({
  security: [{ apiKey: [scope] }],
  responses: {
    "401": errorResponse("Missing, unknown or revoked API key"),
    "403": errorResponse(`The key lacks the ${scope} scope`),
  },
});
