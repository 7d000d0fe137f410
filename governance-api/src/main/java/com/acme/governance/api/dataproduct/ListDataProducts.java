package com.acme.governance.api.dataproduct;

/** Every filter is optional; {@code q} searches title, description and tags, case-insensitively. */
public record ListDataProducts(String domain, String ownerTeam, Classification classification, String tag,
                               DataProductStatus status, String q, int page, int size) {
}
