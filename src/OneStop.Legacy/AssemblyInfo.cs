namespace OneStop.Legacy;
