/*
 * Copyright 2026 the cors-gateway authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.corsgateway.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ReactorResponses;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * A new {@code ReactorServerHttpResponse} for every run, Spring's own response on Reactor
 * Netty, as Spring's {@code ReactorHttpHandlerAdapter} creates one per request. The
 * Reactor Netty response behind it is a stand-in that holds Netty's
 * {@link DefaultHttpHeaders} (cleared for every run, keeping their capacity) and the
 * status, and refuses every other call, so that a run that would need a real connection
 * fails in setup instead of being measured.
 *
 * @author cors-gateway authors
 */
final class ReactorNettyResponses implements ResponseSource, InvocationHandler {

	private final HttpHeaders headers = new DefaultHttpHeaders();

	private final HttpServerResponse nativeResponse = (HttpServerResponse) Proxy
		.newProxyInstance(HttpServerResponse.class.getClassLoader(), new Class<?>[] { HttpServerResponse.class }, this);

	private HttpResponseStatus status = HttpResponseStatus.OK;

	@Override
	public ServerHttpResponse next() {
		this.headers.clear();
		this.status = HttpResponseStatus.OK;
		return ReactorResponses.create(this.nativeResponse, DefaultDataBufferFactory.sharedInstance);
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) {
		String name = method.getName();
		int arguments = (args != null) ? args.length : 0;
		if (name.equals("responseHeaders") && arguments == 0) {
			return this.headers;
		}
		if (name.equals("status") && arguments == 0) {
			return this.status;
		}
		if (name.equals("status") && arguments == 1) {
			this.status = (args[0] instanceof Integer code) ? HttpResponseStatus.valueOf(code)
					: (HttpResponseStatus) args[0];
			return proxy;
		}
		if (name.equals("hasSentHeaders") && arguments == 0) {
			return false;
		}
		if (name.equals("toString") && arguments == 0) {
			return "ReactorNettyResponses stand-in";
		}
		throw new UnsupportedOperationException("The benchmark's Reactor Netty response does not support " + method);
	}

}
