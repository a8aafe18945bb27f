// Swagger UI over the server's own OpenAPI description (a file, not an inline script: the
// Content-Security-Policy runs only the app's own scripts).
window.addEventListener("load", () => {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
