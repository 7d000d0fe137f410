package com.acme.governance.contracts;

import com.acme.governance.api.dataproduct.CompatibilityMode;

/**
 * One difference between an earlier version of a contract and a proposed one that a rule of a mode refuses, named
 * as the library that found it names it.
 *
 * @param difference the library's name of it: a {@code DiffType} of Apicurio's JSON Schema diff, a
 *                   {@code SchemaIncompatibilityType} of Avro's, or, for {@link CompatibilityMode#CONSUMER_SAFE},
 *                   {@code FIELD_REMOVED}, {@code FIELD_NEWLY_REQUIRED} or {@code FIELD_TYPE_CHANGED}
 * @param path       where, in the schema the library reports it on
 * @param detail     what changed, in the library's words
 * @param mode       the mode whose rule it breaks
 * @param rule       the rule, in words
 * @param against    the earlier version it was compared with
 */
public record ContractDifference(String difference, String path, String detail, CompatibilityMode mode, String rule,
                                 String against) {
}
