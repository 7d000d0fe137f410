package com.acme.governance.api.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The published name of an event on the mesh, without its revision. Together with Axon's {@code @Revision}
 * it gives the CloudEvents type, e.g. {@code governance.dataproduct.registered} revision 1 is
 * {@code governance.dataproduct.registered.v1}. Once published, a name never changes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();
}
