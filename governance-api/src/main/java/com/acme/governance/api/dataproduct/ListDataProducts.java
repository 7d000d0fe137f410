package com.acme.governance.api.dataproduct;

import com.acme.governance.api.TeamName;

/** Every filter is optional; {@code q} searches title, description and tags, case-insensitively. */
public record ListDataProducts(String domain, TeamName ownerTeam, Classification classification, Tag tag,
                               DataProductStatus status, String q, int page, int size) {
}
