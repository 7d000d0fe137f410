#!/usr/bin/env node
// Writes the strict, standalone JSON Schemas of the Kubernetes kinds that deploy/k8s uses, from the schemas that the
// npm packages kubernetes-models and @kubernetes-models/gateway-api carry (deploy/schemas/README.md says which
// versions and how to run this). Those packages keep each schema as a JavaScript object that registers itself with
// their validator; this script captures them instead, then for each kind:
//   - bundles every schema it refers to under "definitions", so that a file needs nothing else (standalone);
//   - forbids properties that the schema does not define, as `kubectl --validate=strict` does (strict), except where
//     Kubernetes itself keeps unknown fields (x-kubernetes-preserve-unknown-fields);
//   - turns OpenAPI's "nullable" into a JSON Schema type, and the packages' own formats (quantity, byte) into the
//     patterns they stand for, so that any JSON Schema draft-07 validator applies them;
//   - drops descriptions and the x-kubernetes-* annotations (CEL rules cannot be checked by a JSON Schema validator).
'use strict';

const fs = require('fs');
const path = require('path');
const Module = require('module');

const [nodeModules, outputDir] = process.argv.slice(2);
if (!nodeModules || !outputDir) {
    console.error('usage: node generate.cjs <node_modules with the packages> <output directory>');
    process.exit(2);
}

const KINDS = [
    {apiVersion: 'v1', kind: 'ConfigMap', module: 'kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap'},
    {apiVersion: 'v1', kind: 'Secret', module: 'kubernetes-models/_schemas/IoK8sApiCoreV1Secret'},
    {apiVersion: 'v1', kind: 'Service', module: 'kubernetes-models/_schemas/IoK8sApiCoreV1Service'},
    {apiVersion: 'apps/v1', kind: 'Deployment', module: 'kubernetes-models/_schemas/IoK8sApiAppsV1Deployment'},
    {apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', module: 'kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget'},
    {apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', module: '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute'},
];

// The packages' own patterns for their custom formats (@kubernetes-models/validate).
const FORMAT_PATTERNS = {
    quantity: '^[+-]?(?:\\d+|\\d+\\.\\d+|\\d+\\.|\\.\\d+)(?:[KMGTPE]i|(?:[YZEPTGMkhdcmunpfazy]|da)|[eE][+-]?(?:\\d+|\\d+\\.\\d+|\\d+\\.|\\.\\d+))?$',
    byte: '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$',
};

// Stand-ins for the packages' validator and model base: only what each module registers is wanted here.
const registered = new Map();
let lastRegistered;
const stubs = {
    '@kubernetes-models/validate': {
        register: (id, schema) => {
            registered.set(id, schema);
            lastRegistered = id;
        },
        validate: () => undefined,
    },
    '@kubernetes-models/base': {
        Model: class Model {},
        createTypeMetaGuard: () => () => true,
        setSchema: (_type, _id, addSchema) => addSchema(),
        setValidateFunc: () => undefined,
    },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
    return stubs[request] || load.call(this, request, parent, isMain);
};

// Each module registers the schemas it refers to first and its own last.
function schemaIdOf(modulePath) {
    // by file, not by package name: kubernetes-models does not export its _schemas directory
    const loaded = require(path.resolve(nodeModules, `${modulePath}.js`));
    if (typeof loaded.addSchema === 'function') {
        loaded.addSchema();
    }
    return lastRegistered;
}

function referencesOf(node, found = new Set()) {
    if (Array.isArray(node)) {
        node.forEach((item) => referencesOf(item, found));
    } else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
            if (key === '$ref' && typeof value === 'string') {
                const id = value.replace(/#$/, '');
                if (!found.has(id)) {
                    found.add(id);
                    referencesOf(registered.get(id), found);
                }
            } else {
                referencesOf(value, found);
            }
        }
    }
    return found;
}

function strict(node) {
    if (Array.isArray(node)) {
        return node.map(strict);
    }
    if (!node || typeof node !== 'object') {
        return node;
    }
    const out = {};
    for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
            out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, strict(schema)]));
        } else if (key === '$ref') {
            out[key] = `#/definitions/${value.replace(/#$/, '')}`;
        } else if (key === 'description' && typeof value === 'string') {
            // dropped: the files stay small, and Kubernetes' own API reference documents the fields
        } else if (key.startsWith('x-kubernetes-') || key === 'nullable') {
            // dropped, after what they mean was applied below
        } else if (key === 'format' && FORMAT_PATTERNS[value]) {
            out.pattern = FORMAT_PATTERNS[value];
        } else {
            out[key] = strict(value);
        }
    }
    if (node.nullable === true && typeof node.type === 'string') {
        out.type = [node.type, 'null'];
    }
    const keepsUnknownFields = node['x-kubernetes-preserve-unknown-fields'] === true;
    if (node.properties && node.additionalProperties === undefined && !keepsUnknownFields) {
        out.additionalProperties = false;
    }
    return out;
}

function fileNameOf({apiVersion, kind}) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [null, apiVersion];
    return `${kind.toLowerCase()}${group ? `-${group}` : ''}-${version}.json`;
}

fs.mkdirSync(outputDir, {recursive: true});
for (const entry of KINDS) {
    const rootId = schemaIdOf(entry.module);
    const root = registered.get(rootId);
    const definitions = {};
    for (const id of [...referencesOf(root)].sort()) {
        definitions[id] = registered.get(id);
    }
    const standalone = strict({
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: `${entry.kind} ${entry.apiVersion} (${rootId}), strict and standalone`,
        ...root,
        definitions,
    });
    const file = path.join(outputDir, fileNameOf(entry));
    fs.writeFileSync(file, `${JSON.stringify(standalone, null, 1)}\n`);
    console.log(`${file}: ${rootId}, ${Object.keys(definitions).length} definitions`);
}
