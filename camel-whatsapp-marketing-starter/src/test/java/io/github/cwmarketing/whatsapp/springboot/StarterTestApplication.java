package io.github.cwmarketing.whatsapp.springboot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The Spring Boot application of the starter tests: auto-configuration only; each test adds its routes. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StarterTestApplication {
}
