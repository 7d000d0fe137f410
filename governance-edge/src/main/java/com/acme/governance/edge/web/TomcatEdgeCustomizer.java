package com.acme.governance.edge.web;

import com.acme.governance.api.Limits;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Tomcat's part of the edge: {@link ProblemErrorReportValve} in place of every other error report valve of the host
 * (Spring Boot's included), and the body limit checked by Content-Length before anything else runs. Last of the
 * customizers, so that nothing adds another error report valve after it.
 */
class TomcatEdgeCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextValves(new RequestBodyLimitValve(Limits.REQUEST_BODY_BYTES));
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemErrorReportValve());
            if (host instanceof StandardHost standardHost) {
                // otherwise the host adds Tomcat's own valve when it starts
                standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
