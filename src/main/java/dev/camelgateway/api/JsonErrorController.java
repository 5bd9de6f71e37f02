package dev.camelgateway.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * Spring Boot's {@code /error} page, replaced (its whitelabel HTML and timestamp JSON back off when this bean exists):
 * an unknown path, a wrong method on a Spring endpoint or an exception outside the routes answers OpenAI's envelope
 * with {@code x-request-id}, never HTML or a stack trace.
 */
@Controller
public class JsonErrorController implements ErrorController {

    /** An error dispatch carries the status; a client asking for {@code /error} itself gets the unknown-path answer. */
    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        RequestContext context = new RequestContext(request.getHeader("x-request-id"), response);
        GatewayException error = StatusErrors.of(status instanceof Integer code ? code : 404,
                request.getMethod() + " " + (uri == null ? request.getRequestURI() : uri), context.requestId());
        ServletErrors.write(response, context, error,
                ApiPaths.speaksAnthropic(uri instanceof String original ? original : request.getRequestURI()));
    }
}
