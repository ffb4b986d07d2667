"""Review loop: a bulk run's output as annotation tasks (Label Studio, Prodigy), and corrected
tasks back as gold files in the contract's format (`python -m service review …`)."""
