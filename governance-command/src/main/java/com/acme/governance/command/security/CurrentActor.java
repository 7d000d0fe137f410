package com.acme.governance.command.security;

import com.acme.governance.api.audit.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;

/** The authenticated caller as an {@link Actor}: authorities {@code TEAM_x} are teams, {@code ROLE_x} roles. */
public final class CurrentActor {

    static final String TEAM_PREFIX = "TEAM_";
    static final String ROLE_PREFIX = "ROLE_";

    private CurrentActor() {
    }

    public static Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no authenticated caller");
        }
        List<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return new Actor(authentication.getName(), stripped(authorities, TEAM_PREFIX), stripped(authorities, ROLE_PREFIX));
    }

    private static List<String> stripped(List<String> authorities, String prefix) {
        return authorities.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .distinct().sorted().toList();
    }
}
