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
package io.corsgateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.corsgateway.policy.CorsPolicies;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the filter repairs responses where Reactor Netty is absent, without ever
 * loading the class that names Netty's types.
 *
 * @author cors-gateway authors
 */
class WithoutReactorNettyTests {

	private static final String SHOP = "https://shop.example.com";

	@Test
	void repairRunsWithoutLoadingTheNettyEdits() throws Exception {
		WithoutNettyClassLoader loader = new WithoutNettyClassLoader(getClass().getClassLoader());
		Runnable repair = (Runnable) loader.loadClass(Repair.class.getName()).getDeclaredConstructor().newInstance();
		repair.run();
		assertThat(loader.loaded(NettyCorsResponseHeaders.class.getName())).isFalse();
		assertThat(loader.loaded(CorsResponse.class.getName())).isTrue();
	}

	/**
	 * Runs the filter on a mock response whose handler sent a wrong origin; loaded by the
	 * class loader without Netty.
	 */
	public static final class Repair implements Runnable {

		@Override
		public void run() {
			CorsPolicies policies = CorsPolicies.builder()
				.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP))
				.build();
			MockServerWebExchange exchange = MockServerWebExchange
				.from(MockServerHttpRequest.get("https://api.example.com/orders/1").header(HttpHeaders.ORIGIN, SHOP));
			new CorsGatewayWebFilter(policies).filter(exchange, (chained) -> {
				ServerHttpResponse response = chained.getResponse();
				response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
				return response
					.writeWith(Mono.just(response.bufferFactory().wrap("body".getBytes(StandardCharsets.UTF_8))));
			}).block(Duration.ofSeconds(5));
			if (!SHOP.equals(exchange.getResponse().getHeaders().getAccessControlAllowOrigin())) {
				throw new IllegalStateException("not repaired: " + exchange.getResponse().getHeaders());
			}
		}

	}

	// Defines the project's classes itself and hides Netty and Reactor Netty from them.
	private static final class WithoutNettyClassLoader extends ClassLoader {

		WithoutNettyClassLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith("io.netty.") || name.startsWith("reactor.netty.")) {
				throw new ClassNotFoundException(name);
			}
			if (!name.startsWith("io.corsgateway.")) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				if (loaded == null) {
					loaded = define(name);
				}
				if (resolve) {
					resolveClass(loaded);
				}
				return loaded;
			}
		}

		private Class<?> define(String name) throws ClassNotFoundException {
			try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
				if (in == null) {
					throw new ClassNotFoundException(name);
				}
				byte[] bytes = in.readAllBytes();
				return defineClass(name, bytes, 0, bytes.length);
			}
			catch (IOException ex) {
				throw new ClassNotFoundException(name, ex);
			}
		}

		@Override
		public java.net.URL getResource(String name) {
			if (name.startsWith("io/netty/") || name.startsWith("reactor/netty/")) {
				return null;
			}
			return super.getResource(name);
		}

		boolean loaded(String name) {
			return findLoadedClass(name) != null;
		}

	}

}
