/**
 * The bundled JSON Schemas and their validation with networknt, locked to the class path: no
 * remote, file or unknown references are ever loaded. The only package that uses networknt and
 * Jackson.
 */
package io.waymark.engine.schema;
