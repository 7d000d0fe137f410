package com.acme.governance.edge.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The JWT claims of the caller's teams and roles (string arrays; {@code teams} and {@code roles} unless configured,
 * see {@link EdgeSecurityProperties}) as authorities {@code TEAM_x} and {@code ROLE_x}.
 */
public class TeamAndRoleAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String TEAMS_CLAIM = "teams";
    public static final String ROLES_CLAIM = "roles";
    public static final String TEAM_PREFIX = "TEAM_";
    public static final String ROLE_PREFIX = "ROLE_";

    private final String teamsClaim;
    private final String rolesClaim;

    public TeamAndRoleAuthorities() {
        this(TEAMS_CLAIM, ROLES_CLAIM);
    }

    public TeamAndRoleAuthorities(String teamsClaim, String rolesClaim) {
        this.teamsClaim = teamsClaim;
        this.rolesClaim = rolesClaim;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        add(authorities, TEAM_PREFIX, jwt.getClaimAsStringList(teamsClaim));
        add(authorities, ROLE_PREFIX, jwt.getClaimAsStringList(rolesClaim));
        return authorities;
    }

    private static void add(List<GrantedAuthority> authorities, String prefix, List<String> names) {
        if (names == null) {
            return;
        }
        names.stream()
                .filter(name -> name != null && !name.isBlank())
                .map(name -> new SimpleGrantedAuthority(prefix + name.trim()))
                .forEach(authorities::add);
    }
}
