package io.colony.deployer.internal.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequirementTextTest {

    @Test
    void packagesWithTheirVersionRange() {
        assertEquals("missing package org.example.missing (version [1.0.0,2.0.0))", RequirementText.missing("osgi.wiring.package",
                "(&(osgi.wiring.package=org.example.missing)(version>=1.0.0)(!(version>=2.0.0)))"));
        assertEquals("missing package org.example.open (version >= 1.2.0)",
                RequirementText.missing("osgi.wiring.package", "(&(osgi.wiring.package=org.example.open)(version>=1.2.0))"));
        assertEquals("missing package org.example.any", RequirementText.missing("osgi.wiring.package", "(osgi.wiring.package=org.example.any)"));
        assertEquals("missing package org.example.exclusive (version (1.0.0,1.5.0])", RequirementText.missing("osgi.wiring.package",
                "(&(osgi.wiring.package=org.example.exclusive)(!(version<=1.0.0))(version<=1.5.0))"));
    }

    @Test
    void bundlesHostsAndOtherNamespaces() {
        assertEquals("missing bundle org.example.lib (version [3.0.0,4.0.0))", RequirementText.missing("osgi.wiring.bundle",
                "(&(osgi.wiring.bundle=org.example.lib)(bundle-version>=3.0.0)(!(bundle-version>=4.0.0)))"));
        assertEquals("missing fragment host org.example.host", RequirementText.missing("osgi.wiring.host", "(osgi.wiring.host=org.example.host)"));
        assertEquals("missing execution environment (&(osgi.ee=JavaSE)(version=99))",
                RequirementText.missing("osgi.ee", "(&(osgi.ee=JavaSE)(version=99))"));
        assertEquals("missing osgi.extender (osgi.extender=osgi.component)", RequirementText.missing("osgi.extender", "(osgi.extender=osgi.component)"));
    }
}
