package io.colony.http.internal;

import io.colony.api.cluster.MemberState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WorkerRoutesTest {

    private final TestApi api = new TestApi();

    @BeforeEach
    void workers() {
        api.jobs.workers.add(FakeJobService.workerWithHardware("alpha"));
        api.jobs.workers.add(FakeJobService.worker("beta", "fd00::5", 41872, MemberState.UNAVAILABLE,
                FakeJobService.plugin("mandelbrot", true), FakeJobService.plugin("echo", false)));
    }

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void workersHaveTheDocumentedShapeWithHardwareOrNull() throws Exception {
        api.assertJson(200, """
                {"workers":[
                  {"id":"alpha","host":"10.0.0.7","port":41871,"local":true,"state":"AVAILABLE","lastHeartbeat":"2025-01-02T03:04:05Z",
                   "hardware":{"physicalCores":4,"logicalCores":8,"systemLoad":null,"cpuUsage":0.25,"memoryTotal":17179869184,
                     "memoryAvailable":8589934592,"diskTotal":536870912000,"diskFree":214748364800,"os":"Linux 6.1","jvm":"OpenJDK 17",
                     "sampledAt":"2025-01-02T03:04:05Z"},
                   "data":{"gpu":"a100","rack":"r1"},"slots":8,"running":2,
                   "plugins":[{"name":"primes","version":"1.0.0","description":"The primes plugin","splittable":true}]},
                  {"id":"beta","host":"fd00::5","port":41872,"local":false,"state":"UNAVAILABLE","lastHeartbeat":"2025-01-02T03:04:05Z",
                   "hardware":null,"data":{},"slots":4,"running":0,
                   "plugins":[{"name":"mandelbrot","version":"1.0.0","description":"The mandelbrot plugin","splittable":true},
                              {"name":"echo","version":"1.0.0","description":"The echo plugin","splittable":false}]}]}""",
                api.get("/api/v1/workers"));
    }

    @Test
    void oneWorkerIsTheSameObjectAsInTheList() throws Exception {
        api.assertJson(200, api.json(api.get("/api/v1/workers").body()).get("workers").get(1).toString(), api.get("/api/v1/workers/beta"));
    }

    @Test
    void pluginsOfAWorker() throws Exception {
        api.assertJson(200, """
                {"plugins":[{"name":"mandelbrot","version":"1.0.0","description":"The mandelbrot plugin","splittable":true},
                            {"name":"echo","version":"1.0.0","description":"The echo plugin","splittable":false}]}""",
                api.get("/api/v1/workers/beta/plugins"));
    }

    @Test
    void unknownWorkerIsAnswered404() throws Exception {
        api.assertJson(404, "{\"error\":\"no worker gamma\"}", api.get("/api/v1/workers/gamma/plugins"));
        api.assertJson(404, "{\"error\":\"no worker gamma\"}", api.get("/api/v1/workers/gamma"));
        api.assertJson(200, "{\"plugins\":[{\"name\":\"primes\",\"version\":\"1.0.0\",\"description\":\"The primes plugin\",\"splittable\":true}]}",
                api.get("/api/v1/workers/alpha/plugins"));
    }
}
