// The platform facts table (platform-api.yaml), parsed and its shape checked. CommonJS so that
// Spectral, which loads ruleset functions with require(), can load it too, on every Node version
// the repository supports.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parse } = require('yaml');

const factsPath = join(__dirname, 'platform-api.yaml');

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const hasSource = (value) => isObject(value) && typeof value.source === 'string' && value.source !== '';

/** What is wrong with the shape of a parsed facts table; empty when nothing is. */
function factsProblems(facts) {
  if (!isObject(facts)) return ['the table is not a mapping'];
  const problems = [];
  for (const key of ['sdkMethods', 'timestamp', 'operations', 'schemas', 'securitySchemes']) {
    if (!isObject(facts[key])) problems.push(`${key} must be a mapping`);
  }
  if (!Array.isArray(facts.security) || facts.security.length === 0) problems.push('security must be a non-empty list of path groups');
  if (problems.length > 0) return problems;
  for (const [name, call] of Object.entries(facts.sdkMethods)) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(name)) problems.push(`sdkMethods.${name}: not a lowerCamelCase method name`);
    if (typeof call !== 'string' || !/^(GET|PUT|POST|DELETE|PATCH) \//.test(call)) problems.push(`sdkMethods.${name}: "${call}" is not "<METHOD> /<path>"`);
  }
  facts.security.forEach((group, index) => {
    if (!isObject(group) || typeof group.pathPrefix !== 'string' || !group.pathPrefix.startsWith('/')) problems.push(`security[${index}]: pathPrefix must start with /`);
    else if (!Array.isArray(group.security) || !group.security.every(isObject)) problems.push(`security[${index}]: security must be a list of requirements`);
    else if (!hasSource(group)) problems.push(`security[${index}]: no source`);
  });
  if (typeof facts.timestamp.pattern !== 'string' || facts.timestamp.pattern === '') problems.push('timestamp.pattern must be a non-empty string');
  for (const [operationId, row] of Object.entries(facts.operations)) {
    const at = `operations.${operationId}`;
    if (!(operationId in facts.sdkMethods)) problems.push(`${at}: not one of sdkMethods`);
    if (!hasSource(row)) problems.push(`${at}: no source`);
    if (!isObject(row) || !Array.isArray(row.parameters) || !Array.isArray(row.errors) || !(row.response === null || isObject(row.response))) {
      problems.push(`${at}: needs parameters, errors (lists) and response (an object, or null for no body)`);
      continue;
    }
    row.errors.forEach((error, index) => {
      if (!isObject(error) || !/^[45][0-9][0-9]$/.test(String(error.status))) problems.push(`${at}.errors[${index}]: status must be a 4xx or 5xx`);
      else if (typeof error.code !== 'string' || !/^[0-9]+$/.test(error.code)) problems.push(`${at}.errors[${index}]: code must be a string of digits`);
      else if (error.desc !== undefined && typeof error.desc !== 'string') problems.push(`${at}.errors[${index}]: desc must be a string`);
      else if (!hasSource(error)) problems.push(`${at}.errors[${index}]: no source`);
    });
    row.parameters.forEach((parameter, index) => {
      if (!hasSource(parameter) || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') problems.push(`${at}.parameters[${index}]: needs name, in and source`);
    });
  }
  for (const [name, row] of Object.entries(facts.schemas)) {
    if (!isObject(row) || !isObject(row.properties)) problems.push(`schemas.${name}: needs properties`);
    else for (const [field, fieldRow] of Object.entries(row.properties)) if (!hasSource(fieldRow)) problems.push(`schemas.${name}.${field}: no source`);
  }
  for (const [name, row] of Object.entries(facts.securitySchemes)) if (!hasSource(row)) problems.push(`securitySchemes.${name}: no source`);
  return problems;
}

/** Parses a facts table; throws an Error that lists every problem of its shape. */
function parsePlatformFacts(text) {
  const facts = parse(text);
  const problems = factsProblems(facts);
  if (problems.length > 0) throw new Error(`the platform facts table is malformed:\n- ${problems.join('\n- ')}`);
  return facts;
}

const platformFacts = parsePlatformFacts(readFileSync(factsPath, 'utf8'));

exports.factsPath = factsPath;
exports.parsePlatformFacts = parsePlatformFacts;
exports.platformFacts = platformFacts;
