/* global SwaggerUIBundle:false window:false document:false */
/*
 * Mounts Swagger UI (its bundle, loaded before this script from Lectern's own /api/docs/ files) on
 * #swagger-ui, showing the document the element names (/api/openapi.json). No validator badge:
 * Swagger UI would send the document to validator.swagger.io for it, and the page loads nothing
 * from another host (its CSP allows only Lectern's origin).
 */
(function () {
  'use strict';

  window.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('swagger-ui');
    root.textContent = '';
    window.ui = SwaggerUIBundle({
      url: root.getAttribute('data-url'),
      domNode: root,
      deepLinking: true,
      validatorUrl: null,
      presets: [SwaggerUIBundle.presets.apis],
      layout: 'BaseLayout',
    });
  });
})();
