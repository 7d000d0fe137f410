package com.acme.governance.edge.security;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The people of the walk-through (BRIEF section 4), for HTTP Basic on the local profile only: teams become
 * {@code TEAM_<team>} authorities and roles {@code ROLE_<role>}, as the services expect from any identity provider.
 * The tests of both services authenticate as these same people ({@link #userDetailsService()}).
 *
 * <p>Each password is the user name plus {@code -pw} and is printed in the README, so hashing it would protect
 * nothing and would cost a bcrypt round on every request: it is stored as {@code {noop}} unless the application
 * defines its own {@link PasswordEncoder}. None of this is installed outside the {@code local} profile, nor where the application has its own
 * {@link UserDetailsService}.
 */
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnMissingBean(UserDetailsService.class)
@Profile("local")
public class LocalUsers {

    private static final List<LocalUser> USERS = List.of(
            new LocalUser("alice", List.of("sales"), List.of()),
            new LocalUser("bob", List.of("marketing"), List.of()),
            new LocalUser("erin", List.of("sales", "logistics"), List.of()),
            new LocalUser("carol", List.of(), List.of("STEWARD")),
            new LocalUser("dave", List.of(), List.of("AUDITOR")),
            new LocalUser("admin", List.of(), List.of("OPERATOR")));

    /**
     * A plain {@link UserDetailsService}, not the {@link InMemoryUserDetailsManager} itself: that one is also a
     * password service, and Spring Security would then "upgrade" each {@code {noop}} password to bcrypt on first
     * login, making every later request pay a bcrypt check (about 80 ms here, measured).
     */
    @Bean
    UserDetailsService localUserDetailsService(ObjectProvider<PasswordEncoder> passwordEncoder) {
        return userDetailsService(passwordEncoder.getIfAvailable());
    }

    /** The walk-through's people with their {@code {noop}} passwords, for tests. */
    public static UserDetailsService userDetailsService() {
        return userDetailsService(null);
    }

    private static UserDetailsService userDetailsService(PasswordEncoder encoder) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                USERS.stream().map(user -> user.toUserDetails(encoder)).toList());
        return users::loadUserByUsername;
    }

    record LocalUser(String name, List<String> teams, List<String> roles) {

        String password() {
            return name + "-pw";
        }

        String[] authorities() {
            return Stream.concat(teams.stream().map(team -> "TEAM_" + team), roles.stream().map(role -> "ROLE_" + role))
                    .toArray(String[]::new);
        }

        UserDetails toUserDetails(PasswordEncoder encoder) {
            String stored = encoder == null ? "{noop}" + password() : encoder.encode(password());
            return User.withUsername(name).password(stored).authorities(authorities()).build();
        }
    }
}
